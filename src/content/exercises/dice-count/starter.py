# 回数と出た目のリストを読み込む
n = int(input())
rolls = list(map(int, input().split()))

# それぞれの目が出た回数を数えよう
counts = [0] * 7

for face in range(1, 7):
    print(counts[face])
