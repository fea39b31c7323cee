n = int(input())
tokuten = list(map(int, input().split()))
goukei = 0
saikou = tokuten[0]
# 繰り返しで合計と最高点を求めよう
print(goukei)
print(saikou)
