# 人数と点数のリストを読み込む
n = int(input())
scores = list(map(int, input().split()))

# 平均点を求めてから、平均点より高い人を数えよう
count = 0

print(count)
