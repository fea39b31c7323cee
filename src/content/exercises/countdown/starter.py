# 整数を読み込む
n = int(input())

# n から 1 までを出力しよう

print("Go!")
