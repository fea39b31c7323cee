# 日数、とける量、雪かきの深さと、毎日の雪の量を読み込む
n, m, k = map(int, input().split())
snowfall = list(map(int, input().split()))

depth = 0
days = 0
# 1日ずつ、雪の深さをシミュレーションしよう

print(days)
print(depth)
