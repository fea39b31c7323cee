# 3つの整数を読み込む
a, b, c = map(int, input().split())

# いちばん大きい数を求めよう
largest = a

print(largest)
