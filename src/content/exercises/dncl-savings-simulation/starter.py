m, r, g = map(int, input().split())
kingaku = 0
tsuki = 0
# 目標に届くまで1か月ずつ進めよう
print(tsuki)
print(kingaku)
