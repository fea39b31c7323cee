n = int(input())
tokuten = list(map(int, input().split()))
kijun = int(input())
ninzu = 0
bango = ""
for i in range(n):
    if tokuten[i] >= kijun:
        if ninzu > 0:
            bango = bango + " "
        bango = bango + str(i)
        ninzu = ninzu + 1
print(ninzu)
if ninzu == 0:
    print("なし")
else:
    print(bango)
