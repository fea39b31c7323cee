n = int(input())
x = 1
saidai = None
for i in range(1, n + 1):
    x = (x * 3 + i) % 11
    print(i, x)
    if saidai is None or x > saidai:
        saidai = x
print("最大", saidai)
