n = int(input())
tokuten = list(map(int, input().split()))
goukei = 0
saikou = tokuten[0]
for i in range(n):
    goukei = goukei + tokuten[i]
    if tokuten[i] > saikou:
        saikou = tokuten[i]
print(goukei)
print(saikou)
