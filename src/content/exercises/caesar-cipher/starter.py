# ずらす数と文字列を読み込む
k = int(input())
s = input()

alphabet = "abcdefghijklmnopqrstuvwxyz"

# 1文字ずつずらして、答えの文字列を作ろう
answer = ""

print(answer)
