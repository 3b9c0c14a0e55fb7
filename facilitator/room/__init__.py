"""The room server: phones on the laptop's local network vote and send ideas.

No Qt here. ``server`` is the aiohttp application and its thread; ``backend`` is the one
seam through which the room reads and writes the workshop; ``views`` decides what a
phone may see; ``network`` lists the laptop's addresses; ``join`` builds the join URL and
QR codes.
"""
