"""arabic"""
