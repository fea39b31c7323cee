# 摂氏の温度を読み込む
c = int(input())

# 華氏に直そう
f = 0

print(f)
