CREATE TYPE "order" AS ENUM ('new', 'paid');

