# 整数のリストを読み込む
n = int(input())
numbers = list(map(int, input().split()))

# 逆の順にしよう(今は入力の順のまま出力している)

print(*numbers)
