# 2つの整数を読み込む
a, b = map(int, input().split())

# 3つの答えを1行ずつ出力しよう(今は1つ目だけ)
print(a + b)
