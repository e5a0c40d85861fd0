"""The Qt user interface. The only package that imports Qt; all data work goes through the core."""
