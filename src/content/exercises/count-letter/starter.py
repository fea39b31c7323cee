# 文字列と文字を読み込む
s = input()
c = input()

# s の中の c を数えよう
count = 0

print(count)
