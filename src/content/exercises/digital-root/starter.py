def digit_sum(n):
    # n の各位の数字の和を、再帰を使って返そう
    return 0


def digital_root(n):
    # n の数の根を、再帰を使って返そう
    return n


n = int(input())
print(digital_root(n))
