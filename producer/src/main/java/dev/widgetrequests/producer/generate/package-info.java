/**
 * Generating widget requests the way the course producer did: a warm-up of creates, then about 60 %
 * create / 30 % update / 10 % delete over widgets created earlier. Everything, ids included, comes
 * from one seeded random source, so a seed reproduces the whole stream.
 */
package dev.widgetrequests.producer.generate;
