n = int(input())
data = list(map(int, input().split()))
x = int(input())
hidari, migi, owari = 0, n - 1, 0
# 二分探索のとおりに範囲を狭めよう
print("見つからない")
