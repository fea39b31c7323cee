# 整数を読み込む
n = int(input())

# 1 から n までを順に足そう
total = 0

print(total)
