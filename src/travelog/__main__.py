from travelog.cli import main

main()
