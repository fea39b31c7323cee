n = int(input())
kion = list(map(int, input().split()))
hi = 0
# いちばん暑い日を探そう(Python の添字は 0 から)
print(str(hi + 1) + "日目 " + str(kion[hi]) + "度")
