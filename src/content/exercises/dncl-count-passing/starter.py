n = int(input())
tokuten = list(map(int, input().split()))
kijun = int(input())
ninzu = 0
# 合格者を数え、番号を集めよう
print(ninzu)
print("なし")
