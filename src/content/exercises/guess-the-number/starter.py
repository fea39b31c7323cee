# 範囲の上はしと、当てる数を読み込む
n, x = map(int, input().split())

lo = 1
hi = n
count = 0

# まん中を言って範囲をせばめることを、当たるまで繰り返そう

print(count)
