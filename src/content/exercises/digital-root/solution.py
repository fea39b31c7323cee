def digit_sum(n):
    if n == 0:
        return 0
    return n % 10 + digit_sum(n // 10)


def digital_root(n):
    if n < 10:
        return n
    return digital_root(digit_sum(n))


n = int(input())
print(digital_root(n))
