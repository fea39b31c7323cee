# 整数のリストと、探す数を読み込む
n = int(input())
numbers = list(map(int, input().split()))
x = int(input())

# 先頭から順に探そう
position = -1

print(position)
