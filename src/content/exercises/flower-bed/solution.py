h, w = map(int, input().split())
area = h * w
perimeter = 2 * (h + w)
print(area)
print(perimeter)
