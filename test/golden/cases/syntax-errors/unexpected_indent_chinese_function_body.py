def 问候():
    名字 = "世界"
      print(名字)
