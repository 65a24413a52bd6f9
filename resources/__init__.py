"""The files DLFS Explorer ships: trained weights, their atlases, sample digits, icons, the Korean catalogue.

Installed as the package ``dlfs_explorer_resources`` (see pyproject.toml) and found through
``importlib.resources`` by ``engine.resource_files``, so a wheel install has them too.
"""
