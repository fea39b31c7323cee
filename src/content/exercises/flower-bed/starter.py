# たて h と よこ w を読み込む
h, w = map(int, input().split())

# 面積とまわりの長さを計算しよう
area = 0
perimeter = 0

print(area)
print(perimeter)
