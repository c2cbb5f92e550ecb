"""Test instruments that belong to the product: the fault-injecting serial proxy."""
