n = int(input())
bango = list(map(int, input().split()))
x = int(input())
ichi = -1
i = 0
while i < n and ichi == -1:
    if bango[i] == x:
        ichi = i
    i = i + 1
if ichi == -1:
    print(str(x) + " は見つかりません")
else:
    print(str(x) + " は " + str(ichi) + " 番目")
print("調べた数 " + str(i))
