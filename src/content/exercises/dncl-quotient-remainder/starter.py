a = int(input())
b = int(input())
# 商と余りを表示しよう
print(0, 0)
