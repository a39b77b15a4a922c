def main():
    print("samgraf")
