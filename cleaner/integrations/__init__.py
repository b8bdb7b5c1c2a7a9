"""Steps for distributed engines: `cleaner.integrations.datatrove` and `cleaner.integrations.spark`.

Each needs its extra (``pip install 'boilerplate-cleaner[datatrove]'`` or ``[spark]``);
see docs/distributed.md.
"""
