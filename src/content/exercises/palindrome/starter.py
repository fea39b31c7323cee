# 文字列を読み込む
s = input()

# 回文かどうかを調べよう
print("No")
