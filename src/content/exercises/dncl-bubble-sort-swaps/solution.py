n = int(input())
data = list(map(int, input().split()))
kaisu = 0
for i in range(n - 1):
    for j in range(n - 1 - i):
        if data[j] > data[j + 1]:
            data[j], data[j + 1] = data[j + 1], data[j]
            kaisu = kaisu + 1
print(" ".join(map(str, data)))
print(kaisu)
