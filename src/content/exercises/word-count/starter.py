# 文を1行読み込む
s = input()

# 単語の数を数えよう
count = 0

print(count)
