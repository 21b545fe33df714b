-- The language the citizen wrote in, so replies and notices can answer in it; existing orders were all taken in Chinese.
ALTER TABLE "tickets" ADD COLUMN "language" text DEFAULT 'zh' NOT NULL;