# 整数のリストを読み込む
n = int(input())
a = list(map(int, input().split()))

swaps = 0

# バブルソートをして、1回分の作業ごとに並びを出力しよう

print(swaps)
