n, x = map(int, input().split())

lo = 1
hi = n
count = 0
while True:
    mid = (lo + hi) // 2
    print(mid)
    count += 1
    if mid == x:
        break
    elif mid < x:
        lo = mid + 1
    else:
        hi = mid - 1
print(count)
