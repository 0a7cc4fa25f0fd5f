// placeholder until the demography model lands
