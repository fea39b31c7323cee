# 人数と点数のリストを読み込む
n = int(input())
scores = list(map(int, input().split()))

# 最高点・最低点・平均点を求めよう
highest = 0
lowest = 0
average = 0

print(highest)
print(lowest)
print(average)
