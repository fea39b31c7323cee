# 整数を読み込む
n = int(input())

# n × 1 から n × 9 までを1行に並べよう
print(n)
