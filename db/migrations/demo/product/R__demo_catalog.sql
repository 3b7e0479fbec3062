-- =====================================================================================
--  DEMO DATA, NOT SCHEMA. A sample catalog (10 categories, 250 products, with stock) so
--  that a fresh monolith has something to browse. Applied only while demo data is enabled
--  (CLEAVE_DEMO_DATA, default true); production deployments switch it off.
--  Repeatable migration: it re-runs when this file changes and never overwrites rows
--  that already exist (ON CONFLICT DO NOTHING), so edits made through the API survive.
-- =====================================================================================

INSERT INTO categories (slug, name) VALUES
    ('kitchen',     'Kitchen'),
    ('coffee-tea',  'Coffee & Tea'),
    ('home-office', 'Home Office'),
    ('outdoor',     'Outdoor'),
    ('fitness',     'Fitness'),
    ('audio',       'Audio'),
    ('books',       'Books'),
    ('garden',      'Garden'),
    ('toys-games',  'Toys & Games'),
    ('bath-beauty', 'Bath & Beauty')
ON CONFLICT (slug) DO NOTHING;

WITH items (category, item_no, item, base_price, blurb) AS (VALUES
    ('kitchen',     1, 'Chef''s Knife',            59.00, 'a forged high-carbon steel blade that keeps its edge through years of chopping'),
    ('kitchen',     2, 'Cast Iron Skillet',        45.00, 'pre-seasoned cast iron for searing, baking and campfire cooking'),
    ('kitchen',     3, 'Bamboo Cutting Board',     24.00, 'a knife-friendly bamboo board with a juice groove'),
    ('kitchen',     4, 'Stainless Saucepan',       39.00, 'a tri-ply stainless steel pan with an even-heating aluminium core'),
    ('kitchen',     5, 'Dutch Oven',               89.00, 'an enamelled cast iron pot for slow braises, stews and bread'),
    ('coffee-tea',  1, 'Pour-Over Coffee Maker',   32.00, 'a glass dripper and carafe for a clean, bright cup of coffee'),
    ('coffee-tea',  2, 'Burr Coffee Grinder',      79.00, 'conical steel burrs with forty grind settings from espresso to French press'),
    ('coffee-tea',  3, 'Loose Leaf Tea Kettle',    44.00, 'a gooseneck kettle with a built-in thermometer for green and black tea'),
    ('coffee-tea',  4, 'Espresso Cups Set',        26.00, 'four double-walled glass espresso cups that keep coffee hot'),
    ('coffee-tea',  5, 'Cold Brew Jar',            29.00, 'a two-litre jar with a fine mesh filter for smooth cold brew coffee'),
    ('home-office', 1, 'Ergonomic Office Chair',  249.00, 'adjustable lumbar support, armrests and a breathable mesh back'),
    ('home-office', 2, 'Standing Desk Converter', 179.00, 'lifts your laptop and monitor to standing height in seconds'),
    ('home-office', 3, 'LED Desk Lamp',            49.00, 'dimmable warm-to-cool light with a USB charging port'),
    ('home-office', 4, 'Wireless Keyboard',        69.00, 'quiet low-profile keys that pair with three devices'),
    ('home-office', 5, 'Monitor Stand',            39.00, 'a solid wood riser with room for a keyboard underneath'),
    ('outdoor',     1, 'Hiking Backpack',         119.00, 'a 40-litre pack with a rain cover and ventilated back panel'),
    ('outdoor',     2, 'Camping Tent',            199.00, 'a two-person, three-season tent that pitches in five minutes'),
    ('outdoor',     3, 'Insulated Water Bottle',   29.00, 'keeps drinks cold for a day and hot for twelve hours'),
    ('outdoor',     4, 'Headlamp',                 35.00, 'a rechargeable 400 lumen headlamp with a red night mode'),
    ('outdoor',     5, 'Sleeping Bag',            129.00, 'a down sleeping bag rated to minus five degrees'),
    ('fitness',     1, 'Yoga Mat',                 39.00, 'a six-millimetre non-slip mat with an alignment grid'),
    ('fitness',     2, 'Adjustable Dumbbells',    229.00, 'a pair that adjusts from two to twenty-four kilograms with a dial'),
    ('fitness',     3, 'Resistance Bands Set',     25.00, 'five latex bands of graded resistance with handles and door anchor'),
    ('fitness',     4, 'Jump Rope',                19.00, 'a speed rope with ball bearings and adjustable steel cable'),
    ('fitness',     5, 'Foam Roller',              29.00, 'a firm roller for muscle recovery and mobility work'),
    ('audio',       1, 'Wireless Headphones',     199.00, 'over-ear headphones with active noise cancelling and thirty hours of battery'),
    ('audio',       2, 'Bluetooth Speaker',        89.00, 'a waterproof speaker with deep bass for the beach or the garden'),
    ('audio',       3, 'Turntable',               279.00, 'a belt-drive record player with a built-in phono preamp'),
    ('audio',       4, 'Studio Microphone',       149.00, 'a USB condenser microphone for podcasts and streaming'),
    ('audio',       5, 'In-Ear Monitors',          99.00, 'dual-driver earphones with detachable cables'),
    ('books',       1, 'Cookbook',                 34.00, 'one hundred seasonal recipes with photographs of every dish'),
    ('books',       2, 'Field Guide to Birds',     28.00, 'illustrated plates and range maps for eight hundred species'),
    ('books',       3, 'Travel Journal',           18.00, 'a dotted notebook with a lay-flat binding and ribbon marker'),
    ('books',       4, 'Science Fiction Anthology',22.00, 'twenty award-winning short stories about space, time and machines'),
    ('books',       5, 'Gardening Handbook',       27.00, 'a month-by-month guide to growing vegetables, herbs and flowers'),
    ('garden',      1, 'Pruning Shears',           32.00, 'bypass secateurs with hardened steel blades for clean cuts'),
    ('garden',      2, 'Raised Garden Bed',       149.00, 'a cedar raised bed kit that assembles without tools'),
    ('garden',      3, 'Watering Can',             27.00, 'a galvanised steel can with a brass rose for gentle watering'),
    ('garden',      4, 'Garden Kneeler',           39.00, 'a padded kneeler that flips into a bench'),
    ('garden',      5, 'Compost Bin',              79.00, 'a tumbling composter that turns kitchen scraps into soil'),
    ('toys-games',  1, 'Wooden Building Blocks',   45.00, 'one hundred beech blocks in natural and coloured finishes'),
    ('toys-games',  2, 'Strategy Board Game',      49.00, 'a game of trading and building for two to five players'),
    ('toys-games',  3, 'Jigsaw Puzzle',            24.00, 'a thousand-piece puzzle of a mountain lake at dawn'),
    ('toys-games',  4, 'Remote Control Car',       69.00, 'a four-wheel-drive car that handles grass, gravel and sand'),
    ('toys-games',  5, 'Card Game',                15.00, 'a fast party card game for the whole family'),
    ('bath-beauty', 1, 'Bath Towel Set',           59.00, 'four absorbent organic cotton towels'),
    ('bath-beauty', 2, 'Shaving Kit',              49.00, 'a safety razor, badger-hair brush and shaving soap'),
    ('bath-beauty', 3, 'Aromatherapy Diffuser',    39.00, 'an ultrasonic diffuser with seven light colours'),
    ('bath-beauty', 4, 'Natural Soap Bars',        19.00, 'six cold-process soaps with essential oils'),
    ('bath-beauty', 5, 'Bamboo Toothbrushes',      12.00, 'a pack of four biodegradable toothbrushes with soft bristles')
),
lines (line_no, line, factor, pitch) AS (VALUES
    (1, 'Essential', 0.80, 'Dependable everyday quality'),
    (2, 'Pro',       1.45, 'Built for heavy daily use'),
    (3, 'Heritage',  1.25, 'Timeless design in traditional materials'),
    (4, 'Nordic',    1.10, 'Clean Scandinavian lines'),
    (5, 'Urban',     0.95, 'Compact and made for small spaces')
)
INSERT INTO products (sku, name, description, category_id, price_amount, price_currency)
SELECT upper(left(replace(i.category, '-', ''), 4)) || '-' || lpad(i.item_no::text, 2, '0') || '-' || upper(left(l.line, 3)),
       l.line || ' ' || i.item,
       l.pitch || ': ' || i.blurb || '.',
       c.id,
       round(i.base_price * l.factor) - 0.01,
       'EUR'
FROM items i
CROSS JOIN lines l
JOIN categories c ON c.slug = i.category
ON CONFLICT (sku) DO NOTHING;

-- Stock: mostly plenty, some low, a few sold out (deterministic, so demos are repeatable).
INSERT INTO inventory_items (product_id, on_hand)
SELECT p.id, CASE WHEN p.id % 23 = 0 THEN 0 ELSE (p.id * 37) % 97 + 3 END
FROM products p
ON CONFLICT (product_id) DO NOTHING;
