"""Family follow by email: the private family list and ``travelog mail``."""
