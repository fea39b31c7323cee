# 整数を読み込む
n = int(input())

# 各位の数字を順に足そう
total = 0

print(total)
