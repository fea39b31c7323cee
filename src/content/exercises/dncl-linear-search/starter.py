n = int(input())
bango = list(map(int, input().split()))
x = int(input())
ichi = -1
i = 0
# 先頭から順に調べよう
print(str(x) + " は見つかりません")
print("調べた数 " + str(i))
