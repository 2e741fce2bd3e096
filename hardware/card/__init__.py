"""The chip ID card (CCCD / thẻ căn cước): an ICAO 9303 eMRTD with the Vietnamese DG13.

Layers, bottom up: `apdu` (commands and responses as values), transports (`pcsc` over pyscard,
the in-process `emulator`), secure messaging and access control (`sm`, `bac`, `pace`), the
logical data structure (`tlv`, `mrz`, `lds`, `dg13`), passive authentication (`pa`), where the
access key comes from (`keys`), and `reader`, which puts them together into one read of a card.
"""
